export { DevicesIndex, DevicesLayout } from './devices/devices-layout';
export { GatewayDetailPage } from './devices/gateway-detail-page';
export { GatewaysPage } from './devices/gateways-page';
export { PulseModulesPage } from './devices/pulse-modules-page';
export { HierarchyPage } from './hierarchy/hierarchy-page';
export { MeterDetailPage } from './meters/meter-detail-page';
export { MetersPage } from './meters/meters-page';
export { ConsumerDetailPage } from './consumers/consumer-detail-page';
export { ConsumersPage } from './consumers/consumers-page';
