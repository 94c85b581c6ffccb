/**
 * The scale that shows a whole picture in a box: the smaller of the two axis ratios, so neither
 * the width nor the height overflows (the routing view's Fit; before, Fit only matched the width
 * and a tall diagram ran out of the panel).
 */
export function fitScale(natural: { w: number; h: number }, box: { w: number; h: number }): number {
  if (!(natural.w > 0) || !(natural.h > 0) || !(box.w > 0) || !(box.h > 0)) return 1;
  return Math.min(box.w / natural.w, box.h / natural.h);
}
