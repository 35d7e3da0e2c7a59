/**
 * Reads QR codes in tests, as a phone would from pixels: jsQR (dev dependency) is a UMD bundle,
 * loaded as a classic script from the test server (it has no ES module build).
 */
type JsQR = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

let loading: Promise<JsQR> | undefined;

function jsQR(): Promise<JsQR> {
  return (loading ??= new Promise<JsQR>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/jsqr/dist/jsQR.js';
    script.onload = () => resolve((window as unknown as { jsQR: JsQR }).jsQR);
    script.onerror = () => reject(new Error('jsQR did not load'));
    document.head.append(script);
  }));
}

/** The text of a QR code drawn as an SVG element, rendered at 400 px. */
export async function decodeQr(svg: SVGSVGElement): Promise<string | undefined> {
  const read = await jsQR();
  const img = new Image();
  img.src = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 400;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(img, 0, 0, 400, 400);
  return read(ctx.getImageData(0, 0, 400, 400).data, 400, 400)?.data;
}
