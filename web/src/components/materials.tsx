import { Flex, Tag } from 'antd';
import type { Guide, Material } from '../api/types.ts';
import type { T } from '../i18n/i18n.ts';

/** Materials that apply: the required ones, and conditional ones when one of their 情形 is chosen. */
export const applicable = (guide: Guide, situations: readonly string[]): Material[] =>
  guide.materials.filter((m) => m.required || m.situations.some((s) => situations.includes(s)));

/** The tags that tell how a material may be supplied. */
export function MaterialTags({ guide, material, t }: { guide: Guide; material: Material; t: T }) {
  return (
    <Flex gap={4} wrap component="span">
      {material.core && <Tag color="red">{t('guide.core')}</Tag>}
      {material.source === 'government' && <Tag color="green">{t('guide.eLicence')}</Tag>}
      {guide.commitment.offered && material.replaceableByCommitment && (
        <Tag color="purple">{t('guide.commitmentOk')}</Tag>
      )}
      {guide.tolerance.offered && material.deferrable && !material.core && (
        <Tag color="orange">{t('guide.deferrable')}</Tag>
      )}
    </Flex>
  );
}
