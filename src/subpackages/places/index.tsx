import { PageShell } from '../../components/page-shell';
import { NearbyPlaces } from './nearby';
import './places.css';

export default function NearbyPage() {
  return (
    <PageShell>
      <NearbyPlaces />
    </PageShell>
  );
}
