import { useI18n } from '../i18n/i18n.ts';

/** A phone number as a link that dials it (tel:), shown as written ("029-12345"). */
export function PhoneLink({ phone }: { phone: string }) {
  const { t } = useI18n();
  return (
    <a href={`tel:${phone.replace(/[^\d+]/g, '')}`} className="phone-link">
      {phone}
      <span className="visually-hidden">{t('contact.call')}</span>
    </a>
  );
}

/**
 * An address as a link that opens it in a map: Amap's URI API opens the Amap app where it is installed (the map
 * most phones in China have) and its web map elsewhere.
 */
export const mapUrl = (address: string) =>
  `https://uri.amap.com/search?${new URLSearchParams({ keyword: address, callnative: '1', src: 'tongban' })}`;

export function MapLink({ address }: { address: string }) {
  const { t } = useI18n();
  return (
    <a href={mapUrl(address)} target="_blank" rel="noopener noreferrer" className="map-link">
      {address}
      <span className="visually-hidden">{t('contact.map')}</span>
    </a>
  );
}
