// The code in this page's URL must never reach a Referer header.
export const metadata = { referrer: 'no-referrer' };

export default function CallbackLayout({ children }: { children: React.ReactNode }) {
  return children;
}
