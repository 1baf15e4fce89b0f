// Loaded before every integration and e2e test file: quiet logs unless asked for.
process.env.LOG_LEVEL ??= 'silent';
