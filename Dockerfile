# One image for the whole platform. The command chooses what runs:
#   node dist/apps/<app>/src/main.js   app = gateway | system | metering |
#                                            billing | analytics | ingest
#   node dist/tools/migrate.js         one-shot: database migrations
#   node dist/tools/seed.js            one-shot: platform admin + demo tenant (needs DEMO_PASSWORD)
#   node dist/tools/healthcheck.js <app>   health probe of a non-HTTP app
#
#   docker build -t open-headend .
#   docker run --rm --env-file .env open-headend node dist/tools/migrate.js
#
# Stages: deps (all dependencies) -> build (tsc + Vite) ; prod-deps
# (production dependencies only) ; runtime = prod-deps + dist + ui/dist.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
# No install-time telemetry or update checks from npm packages.
ENV SCARF_ANALYTICS=false \
    npm_config_update_notifier=false
WORKDIR /app
COPY package.json package-lock.json ./
# `npm install` honours package-lock.json; `npm ci` refuses this lock because chdb (a dev
# dependency) names optional per-platform packages that were never published.
RUN npm install --no-audit --no-fund

# ---------------------------------------------------------------------------
FROM deps AS build
COPY . .
RUN npm run build \
 && test -d dist/apps \
 && test -f ui/dist/index.html
# Non-TypeScript files that sit beside the sources (SQL migrations, templates,
# JSON data...) are not emitted by tsc: keep them at their source paths so
# code that reads them relative to the working directory finds them.
RUN mkdir -p /assets \
 && find apps libs tools -type f \
      ! -name '*.ts' ! -name '*.tsx' ! -name '*.js' ! -name '*.map' \
      -print0 2>/dev/null \
    | xargs -0 -r cp --parents -t /assets

# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS prod-deps
ENV SCARF_ANALYTICS=false \
    npm_config_update_notifier=false
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund \
 && npm cache clean --force

# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app

# Files stay owned by root (read-only for the app); the process runs as the
# unprivileged "node" user (uid 1000) of the base image.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json package-lock.json ./
COPY --from=build /assets/ ./
COPY --from=build /app/dist ./dist
COPY --from=build /app/ui/dist ./ui/dist

USER node

# The gateway's HTTP port (GATEWAY_PORT); the other apps have no port.
EXPOSE 3000

# No HEALTHCHECK here: it differs per app (compose sets one per service).
CMD ["node", "dist/apps/gateway/src/main.js"]
