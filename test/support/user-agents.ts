/**
 * Real user-agent strings, as the apps and browsers send them (collected from published UA lists and
 * the apps' own reports), with what `readEnvironment().inApp` must say and what `mode="auto"` must do.
 * Shared by the unit table and the end-to-end logins.
 */
export interface UserAgentCase {
  what: string;
  ua: string;
  inApp: string | null;
  auto: 'popup' | 'redirect';
  /** The way out of the in-app browser (`readEnvironment().escape`, contract §8). */
  escape: 'kakaotalk' | 'line' | 'intent' | 'instructions' | null;
}

export const USER_AGENTS: UserAgentCase[] = [
  {
    what: 'KakaoTalk on iOS',
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 KAKAOTALK 10.4.5',
    inApp: 'KakaoTalk',
    auto: 'redirect',
    escape: 'kakaotalk',
  },
  {
    what: 'KakaoTalk on Android',
    ua: 'Mozilla/5.0 (Linux; Android 13; SM-S911N Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.163 Mobile Safari/537.36;KAKAOTALK 2410450',
    inApp: 'KakaoTalk',
    auto: 'redirect',
    escape: 'kakaotalk',
  },
  {
    what: 'LINE on iOS',
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 15_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/12.5.1',
    inApp: 'LINE',
    auto: 'redirect',
    escape: 'line',
  },
  {
    what: 'LINE on Android',
    ua: 'Mozilla/5.0 (Linux; Android 12; SM-G991N Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/108.0.5359.128 Mobile Safari/537.36 Line/12.20.1/IAB',
    inApp: 'LINE',
    auto: 'redirect',
    escape: 'line',
  },
  {
    what: 'Instagram on iOS',
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 305.0.0.23.109 (iPhone14,5; iOS 17_0; en_US; en; scale=3.00; 1170x2532; 531431221)',
    inApp: 'Instagram',
    auto: 'redirect',
    escape: 'instructions',
  },
  {
    what: 'Instagram on Android',
    ua: 'Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230805.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.5845.163 Mobile Safari/537.36 Instagram 298.0.0.31.110 Android (33/13; 420dpi; 1080x2400; Google/google; Pixel 7; panther; panther; en_US; 510207219)',
    inApp: 'Instagram',
    auto: 'redirect',
    escape: 'intent',
  },
  {
    what: 'Facebook on iOS',
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 16_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBDV/iPhone13,2;FBMD/iPhone;FBSN/iOS;FBSV/16.5;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5]',
    inApp: 'Facebook',
    auto: 'redirect',
    escape: 'instructions',
  },
  {
    what: 'Facebook on Android',
    ua: 'Mozilla/5.0 (Linux; Android 12; SM-A525F Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/112.0.5615.135 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/412.0.0.35.104;]',
    inApp: 'Facebook',
    auto: 'redirect',
    escape: 'intent',
  },
  {
    what: 'Messenger on iOS',
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 16_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 LightSpeed [FBAN/MessengerLiteForiOS;FBAV/400.0.0.39.110;FBBV/481347316;FBDV/iPhone12,1;FBMD/iPhone;FBSN/iOS;FBSV/16.3;FBSS/2;FBCR/;FBID/phone;FBLC/en_US;FBOP/0]',
    inApp: 'Messenger',
    auto: 'redirect',
    escape: 'instructions',
  },
  {
    what: 'Messenger on Android',
    ua: 'Mozilla/5.0 (Linux; Android 11; SM-G973F Build/RP1A.200720.012; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/104.0.5112.97 Mobile Safari/537.36 [FB_IAB/Orca-Android;FBAV/375.0.0.14.76;]',
    inApp: 'Messenger',
    auto: 'redirect',
    escape: 'intent',
  },
  {
    what: 'TikTok on iOS',
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 16_1_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 musical_ly_27.4.0 JsSdk/2.0 NetType/WIFI Channel/App Store ByteLocale/en Region/US ByteFullLocale/en isDarkMode/0 WKWebView/1 BytedanceWebview/d8a21c6',
    inApp: 'TikTok',
    auto: 'redirect',
    escape: 'instructions',
  },
  {
    what: 'TikTok on Android',
    ua: 'Mozilla/5.0 (Linux; Android 12; SM-G991B Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/110.0.5481.153 Mobile Safari/537.36 trill_280504 JsSdk/1.0 NetType/WIFI Channel/googleplay AppName/trill app_version/28.5.4 ByteLocale/en-GB ByteFullLocale/en-GB Region/GB BytedanceWebview/d8a21c6',
    inApp: 'TikTok',
    auto: 'redirect',
    escape: 'intent',
  },
  {
    what: 'WeChat on iOS',
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.40(0x1800282c) NetType/WIFI Language/zh_CN',
    inApp: 'WeChat',
    auto: 'redirect',
    escape: 'instructions',
  },
  {
    what: 'WeChat on Android',
    ua: 'Mozilla/5.0 (Linux; Android 13; V2196A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5235 MMWEBSDK/20230805 MMWEBID/1001 MicroMessenger/8.0.42.2460(0x28002A3B) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
    inApp: 'WeChat',
    auto: 'redirect',
    escape: 'intent',
  },
  {
    what: 'an Android app’s WebView',
    ua: 'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/UD1A.230803.041; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.43 Mobile Safari/537.36',
    inApp: 'WebView',
    auto: 'redirect',
    escape: 'intent',
  },
  {
    what: 'an iOS app’s WKWebView',
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
    inApp: 'WebView',
    auto: 'redirect',
    escape: 'instructions',
  },
  {
    what: 'the NAVER app on iOS',
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 16_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 NAVER(inapp; search; 1000; 12.0.5)',
    inApp: 'WebView',
    auto: 'redirect',
    escape: 'instructions',
  },
  {
    what: 'Safari on iPhone',
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1',
    inApp: null,
    auto: 'popup',
    escape: null,
  },
  {
    what: 'Chrome on iPhone',
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1',
    inApp: null,
    auto: 'popup',
    escape: null,
  },
  {
    what: 'Firefox on iPhone',
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/121.0 Mobile/15E148 Safari/605.1.15',
    inApp: null,
    auto: 'popup',
    escape: null,
  },
  {
    what: 'Safari on iPad (desktop-class UA)',
    ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15',
    inApp: null,
    auto: 'popup',
    escape: null,
  },
  {
    what: 'Chrome on Android',
    ua: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
    inApp: null,
    auto: 'popup',
    escape: null,
  },
  {
    what: 'Samsung Internet',
    ua: 'Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36',
    inApp: null,
    auto: 'popup',
    escape: null,
  },
  {
    what: 'Chrome on Windows',
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
    inApp: null,
    auto: 'popup',
    escape: null,
  },
  {
    what: 'Edge on Windows',
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91',
    inApp: null,
    auto: 'popup',
    escape: null,
  },
  {
    what: 'Firefox on Linux',
    ua: 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0',
    inApp: null,
    auto: 'popup',
    escape: null,
  },
  {
    what: 'Safari on macOS',
    ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15',
    inApp: null,
    auto: 'popup',
    escape: null,
  },
];
