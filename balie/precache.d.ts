/** The build's list of the files the desk page's service worker keeps (scripts/precache.mjs). */
declare module 'virtual:precache' {
  export const PRECACHE: {
    /** Changes whenever the content of one of the files does. */
    version: string;
    files: { url: string; sha256: string }[];
  };
}
