import { Badge, Button, Card, Empty, Flex, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import type { InboxMessage, MessagePage } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { RequireRole } from '../components/RequireRole.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { useI18n } from '../i18n/i18n.ts';

/**
 * 我的消息: every change to my cases I should know of, newest first. A message is read when its case is opened
 * from it, when it is marked read, or with all the others at once.
 */
export default function Messages() {
  return (
    <RequireRole roles={['citizen', 'enterprise']}>
      <MessageList />
    </RequireRole>
  );
}

const markRead = (id: string) => api(`/api/messages/${id}/read`, { method: 'POST' });

function MessageList() {
  const { t } = useI18n();
  usePageTitle(t('nav.messages'));
  const messages = useApi<MessagePage>('/api/messages?limit=50', { refreshMs: 30_000 });
  // Marked here and not yet re-read from the API: shown read at once.
  const [marked, setMarked] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const status = useRef<HTMLParagraphElement>(null);
  const items = (messages.data?.items ?? []).map((m) => (marked.has(m.id) ? { ...m, read: true } : m));
  const unread = items.filter((m) => !m.read);
  const read = (ids: string[]) => setMarked((old) => new Set([...old, ...ids]));

  // There is no route that marks every message at once: each unread one is marked, a few at a time.
  const markAll = async () => {
    setBusy(true);
    setError(undefined);
    const ids = unread.map((m) => m.id);
    try {
      for (let i = 0; i < ids.length; i += 5) {
        const batch = ids.slice(i, i + 5);
        await Promise.all(batch.map(markRead));
        read(batch);
      }
      // The button goes away with the last unread message: the focus goes to what says so.
      status.current?.focus();
      messages.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <Typography.Title level={1}>{t('nav.messages')}</Typography.Title>
      {messages.error !== undefined && <ErrorNotice error={messages.error} onRetry={messages.reload} />}
      {messages.data?.items.length === 0 && <Empty description={t('messages.none')} />}
      {items.length > 0 && (
        <Flex justify="space-between" align="center" wrap gap="small" className="messages__bar">
          <p ref={status} tabIndex={-1} aria-live="polite" className="messages__status">
            {unread.length > 0 ? t('messages.unreadCount', { n: unread.length }) : t('messages.allRead')}
          </p>
          {unread.length > 0 && (
            <Button onClick={markAll} loading={busy}>
              {t('messages.markAllRead')}
            </Button>
          )}
        </Flex>
      )}
      {error !== undefined && <ErrorNotice error={error} onRetry={markAll} />}
      <ul className="plain-list">
        {items.map((m) => (
          <li key={m.id}>
            <Message m={m} onRead={() => read([m.id])} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function Message({ m, onRead }: { m: InboxMessage; onRead: () => void }) {
  const { t, pick } = useI18n();
  const [error, setError] = useState<unknown>();
  const mark = async () => {
    setError(undefined);
    try {
      await markRead(m.id);
      onRead();
    } catch (e) {
      setError(e);
    }
  };
  // Opening the case marks the message read; if that fails, the case still opens.
  const opened = () => {
    if (!m.read) markRead(m.id).then(onRead, () => {});
  };
  return (
    <Card size="small" className={m.read ? 'message' : 'message message--unread'} data-read={m.read}>
      <Flex justify="space-between" wrap gap="small">
        <strong>
          {!m.read && (
            <Badge
              status="processing"
              text={<span className="visually-hidden">{t('messages.unread')}</span>}
            />
          )}{' '}
          {pick(m.title)}
        </strong>
        <span className="muted">{new Date(m.createdAt).toLocaleString()}</span>
      </Flex>
      <p>{pick(m.body)}</p>
      {error !== undefined && <ErrorNotice error={error} onRetry={mark} />}
      <Flex gap="small" wrap align="center">
        <Link to={`/cases/${m.caseId}`} onClick={opened}>
          {t('messages.openCase')}
        </Link>
        {!m.read && (
          <Button onClick={mark} aria-label={t('messages.markReadOf', { title: pick(m.title) })}>
            {t('messages.markRead')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
