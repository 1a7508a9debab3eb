// A PNG's first bytes as a data URL, for tests of image sizes.

/** The first bytes of a PNG: signature and IHDR, which is all a size reader needs. */
export function pngDataUrl(width: number, height: number): string {
  const head = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(head, 0);
  head.writeUInt32BE(13, 8);
  head.write('IHDR', 12, 'latin1');
  head.writeUInt32BE(width, 16);
  head.writeUInt32BE(height, 20);
  head[24] = 8;
  head[25] = 2;
  return `data:image/png;base64,${head.toString('base64')}`;
}
