/**
 * Every text the package shows or announces, in Korean: one named export per UI, so a
 * bundle keeps only the UIs it ships (the callback page takes only its own).
 */
export {};
