export { DataQualityPage } from './components/data-quality-page';
