import { Button, Image, Modal, Space } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { MaterialDownload, StaffCaseView } from '../api/types.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { type Upload, UploadList } from '../components/UploadList.tsx';
import { useI18n } from '../i18n/i18n.ts';

const IMAGES = ['image/jpeg', 'image/png'];

/**
 * The uploads of a case with their check results. The file that stands for a material is its latest accepted
 * upload, so that one can be viewed: an image in a dialog here, a PDF or OFD in a new tab (the browser's viewer).
 */
export function CaseFiles({ c }: { c: StaffCaseView }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>();
  const [image, setImage] = useState<MaterialDownload>();
  const uploads = c.uploads ?? [];
  const current = new Set(
    Object.values(
      Object.fromEntries(
        uploads
          .filter((u) => u.status === 'accepted')
          .sort((a, b) => (a.checkedAt ?? '').localeCompare(b.checkedAt ?? ''))
          .map((u) => [u.materialId, u.uploadId]),
      ),
    ),
  );
  const view = async (u: Upload) => {
    setError(undefined);
    try {
      const d = await api<MaterialDownload>(`/api/staff/cases/${c.id}/materials/${u.materialId}`);
      if (IMAGES.includes(d.contentType)) setImage(d);
      else window.open(d.download.url, '_blank', 'noopener');
    } catch (e) {
      setError(e);
    }
  };
  if (uploads.length === 0) return null;
  return (
    <>
      {error !== undefined && <ErrorNotice error={error} />}
      <UploadList
        className="plain-list material-previews"
        uploads={uploads}
        action={(u) =>
          current.has(u.uploadId) && (
            <Button
              size="small"
              onClick={() => view(u)}
              aria-label={t('file.viewName', { name: u.fileName })}
            >
              {t('file.view')}
            </Button>
          )
        }
      />
      <Modal
        open={image !== undefined}
        title={image?.fileName}
        onCancel={() => setImage(undefined)}
        destroyOnHidden
        width={900}
        footer={
          <Space>
            {image && (
              <a href={image.download.url} target="_blank" rel="noopener noreferrer">
                {t('file.newTab')}
              </a>
            )}
            <Button onClick={() => setImage(undefined)}>{t('common.close')}</Button>
          </Space>
        }
      >
        {image && <Image src={image.download.url} alt={image.fileName} preview={false} width="100%" />}
      </Modal>
    </>
  );
}
