import { App as AntdApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { useI18n } from '../i18n/i18n.ts';
import { useElder } from '../prefs/elder.ts';
import { useTouch } from '../prefs/touch.ts';

// antd's default blue (#1677ff) is 4.1:1 on white, short of WCAG AA's 4.5:1 for text; this one is 6.4:1. The
// tags' text colours (antd draws them in shade 7 of each palette on shade 1) are taken a shade or two darker where
// shade 7 is under 4.5:1: green 5.4:1, orange 5.1:1, gold 6.5:1, cyan 5.8:1, lime 6.6:1, volcano 6.4:1.
// Disabled text stays readable too (antd's empty-table text is drawn in it): 4.9:1. A danger button's red
// (antd's #ff4d4f is 3.3:1) is antd's red 7: 5.6:1.
// Both names of a shade are set: antd writes `green7` and `green-7` to the same CSS variable, the latter last.
const darker = (colors: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(colors).flatMap(([name, hex]) => [
      [`${name}7`, hex],
      [`${name}-7`, hex],
    ]),
  );

const standard: ThemeConfig = {
  token: {
    colorPrimary: '#0b57d0',
    colorLink: '#0b57d0',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    colorTextDisabled: 'rgba(0, 0, 0, 0.56)',
    colorError: '#cf1322',
    ...darker({
      green: '#237804',
      orange: '#ad4e00',
      gold: '#874d00',
      cyan: '#006d75',
      lime: '#3f6600',
      volcano: '#ad2102',
    }),
    fontFamily: 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
    borderRadius: 6,
  },
};

// On a phone or another touch screen every control is at least 44×44 CSS px (WCAG 2.5.5, Apple's and the
// MIIT's guidance); the small and large sizes too.
const touch: ThemeConfig = {
  token: { ...standard.token, controlHeight: 44, controlHeightSM: 44, controlHeightLG: 48 },
  components: { Select: { optionHeight: 44 } },
};

// 适老化: larger type and controls (every target at least 60×60 CSS px), near-black text, darker borders
// (GB/T 37668 and the MIIT guidance ask for large, high-contrast, simple screens). No text under 18 px.
const elder: ThemeConfig = {
  token: {
    ...standard.token,
    colorPrimary: '#003c9e',
    colorLink: '#003c9e',
    colorText: '#000000',
    colorTextSecondary: '#1a1a1a',
    colorTextTertiary: '#262626',
    colorTextDescription: '#262626',
    colorBorder: '#4d4d4d',
    fontSize: 20,
    fontSizeSM: 18,
    fontSizeHeading1: 34,
    fontSizeHeading2: 28,
    fontSizeHeading3: 24,
    controlHeight: 60,
    controlHeightSM: 60,
    controlHeightLG: 64,
    lineWidth: 2,
  },
  components: { Select: { optionHeight: 60 } },
};

const themeOf = (isElder: boolean, isTouch: boolean) => (isElder ? elder : isTouch ? touch : standard);

/** Everything that uses the component library sits under this layout, which is loaded after the home page. */
export default function AntdLayout() {
  const { lang, t } = useI18n();
  const [isElder] = useElder();
  const isTouch = useTouch();
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={themeOf(isElder, isTouch)}
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
