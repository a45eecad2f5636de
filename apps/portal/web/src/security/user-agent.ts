/** A person-readable guess at browser and OS from a User-Agent header; enough to recognise one's own devices. */
export function describeUserAgent(userAgent: string | null): { browser: string; os: string } | undefined {
  if (!userAgent) return undefined;
  const browser =
    firstMatch(userAgent, [
      [/Edg\//, 'Edge'],
      [/MicroMessenger/, 'WeChat'],
      [/OPR\//, 'Opera'],
      [/Firefox\//, 'Firefox'],
      [/HeadlessChrome|Chrome\/|CriOS/, 'Chrome'],
      [/Chromium\//, 'Chromium'],
      [/Safari\//, 'Safari'],
    ]) ?? 'Browser';
  const os = firstMatch(userAgent, [
    [/iPhone|iPad|iPod/, 'iOS'],
    [/Android/, 'Android'],
    [/HarmonyOS/, 'HarmonyOS'],
    [/Windows/, 'Windows'],
    [/Mac OS X|Macintosh/, 'macOS'],
    [/CrOS/, 'ChromeOS'],
    [/Linux/, 'Linux'],
  ]);
  return os ? { browser, os } : undefined;
}

function firstMatch(text: string, candidates: [RegExp, string][]): string | undefined {
  return candidates.find(([pattern]) => pattern.test(text))?.[1];
}
