import { App as AntdApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { useI18n } from '../i18n/i18n.ts';
import { useElder } from '../prefs/elder.ts';

// antd's default blue (#1677ff) is 4.1:1 on white, short of WCAG AA's 4.5:1 for text; this one is 6.4:1.
const standard: ThemeConfig = {
  token: {
    colorPrimary: '#0b57d0',
    colorLink: '#0b57d0',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    colorTextDisabled: 'rgba(0, 0, 0, 0.5)',
    fontFamily: 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
    borderRadius: 6,
  },
};

// 适老化: larger type and controls, near-black text, darker borders (GB/T 37668 and the MIIT guidance ask for
// large, high-contrast, simple screens).
const elder: ThemeConfig = {
  token: {
    ...standard.token,
    colorPrimary: '#003c9e',
    colorLink: '#003c9e',
    colorText: '#000000',
    colorTextSecondary: '#1a1a1a',
    colorTextTertiary: '#262626',
    colorBorder: '#4d4d4d',
    fontSize: 20,
    fontSizeHeading1: 34,
    fontSizeHeading2: 28,
    fontSizeHeading3: 24,
    controlHeight: 48,
    lineWidth: 2,
  },
};

/** Everything that uses the component library sits under this layout, which is loaded after the home page. */
export default function AntdLayout() {
  const { lang, t } = useI18n();
  const [isElder] = useElder();
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={isElder ? elder : standard}
      // "搜 索" with a space reads oddly aloud and breaks the button's name for voice control.
      button={{ autoInsertSpace: false }}
    >
      <AntdApp>
        <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
          <Outlet />
        </Suspense>
      </AntdApp>
    </ConfigProvider>
  );
}
