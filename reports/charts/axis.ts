/**
 * A y-axis title written horizontally above the labels, right-aligned with them, instead of rotated
 * beside them: Chinese turned sideways is hard to read, and a title placed above cannot collide with
 * labels of any width.
 */
export const horizontalYTitle = {
  titleAngle: 0,
  titleAlign: 'right',
  titleBaseline: 'bottom',
  titleX: -6,
  titleY: -6,
} as const;
