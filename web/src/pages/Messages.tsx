import { Badge, Card, Empty, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import type { InboxMessage, MessagePage } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { RequireRole } from '../components/RequireRole.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { useI18n } from '../i18n/i18n.ts';

/** 我的消息: every change to my cases I should know of, newest first; opening the case marks it read. */
export default function Messages() {
  return (
    <RequireRole roles={['citizen', 'enterprise']}>
      <MessageList />
    </RequireRole>
  );
}

function MessageList() {
  const { t } = useI18n();
  usePageTitle(t('nav.messages'));
  const messages = useApi<MessagePage>('/api/messages?limit=50', { refreshMs: 30_000 });
  return (
    <div className="page">
      <Typography.Title level={1}>{t('nav.messages')}</Typography.Title>
      {messages.error !== undefined && <ErrorNotice error={messages.error} onRetry={messages.reload} />}
      {messages.data?.items.length === 0 && <Empty description={t('messages.none')} />}
      <ul className="plain-list">
        {messages.data?.items.map((m) => (
          <li key={m.id}>
            <Message m={m} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function Message({ m }: { m: InboxMessage }) {
  const { t, pick } = useI18n();
  // Marking read is a courtesy to the reader: if it fails, the case still opens.
  const markRead = () => {
    if (!m.read) api(`/api/messages/${m.id}/read`, { method: 'POST' }).catch(() => {});
  };
  return (
    <Card size="small" className={m.read ? 'message' : 'message message--unread'}>
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
      <Link to={`/cases/${m.caseId}`} onClick={markRead}>
        {t('messages.openCase')}
      </Link>
    </Card>
  );
}
