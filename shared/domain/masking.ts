/** Masking of personal data in responses (DOMAIN.md defaults): what stays visible is configurable. */
export interface MaskingRules {
  idVisibleHead: number;
  idVisibleTail: number;
}

export const DEFAULT_MASKING: MaskingRules = { idVisibleHead: 6, idVisibleTail: 4 };

/** `610104199001011234` → `610104********1234`. */
export function maskIdNumber(id: string, rules: MaskingRules = DEFAULT_MASKING): string {
  const { idVisibleHead: head, idVisibleTail: tail } = rules;
  if (id.length <= head + tail) return '*'.repeat(id.length);
  return id.slice(0, head) + '*'.repeat(id.length - head - tail) + id.slice(id.length - tail);
}

/** `13812345678` → `138****5678`. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

/** `张三` → `张*`, `欧阳娜娜` → `欧阳**`: compound surnames keep two characters. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  const keep = chars.length >= 4 ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
}
