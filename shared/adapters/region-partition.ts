/**
 * Lists kept per province (escalations, overdue cases): one partition per province, sorted by region first,
 * so that a city's supervisors read their part of it and the province's read all of it. The key condition for
 * the lists under `region` (a province, a city, or a county), on a partition key named `pk` or an index's.
 */
/** The partition of a province's list that an item of `region` goes in. */
export const provincePartition = (partition: string, region: string) => `${partition}#${region.slice(0, 2)}`;

export function underRegion(partition: string, region: string, keys: { pk: string; sk: string }) {
  const province = region.endsWith('0000');
  const prefix = region.endsWith('00') ? region.slice(0, 4) : region;
  return {
    KeyConditionExpression: province
      ? `${keys.pk} = :pk`
      : `${keys.pk} = :pk AND begins_with(${keys.sk}, :region)`,
    ExpressionAttributeValues: {
      ':pk': provincePartition(partition, region),
      ...(province ? {} : { ':region': prefix }),
    },
  };
}
