/** What differs between WeChat and the browser on the fair pages; each platform file implements it. */
import type { FairSummary } from '../../services/fairs';

/** Opens the venue in a map: WeChat's own map (weapp), a map web app the phone hands to its map app (H5). */
export declare function openVenueMap(venue: FairSummary['venue']): void;
/** Whether the device can scan a QR code from the page. */
export declare const canScan: boolean;
/** The scanned QR text, or null when the person closed the scanner. */
export declare function scanQr(): Promise<string | null>;
