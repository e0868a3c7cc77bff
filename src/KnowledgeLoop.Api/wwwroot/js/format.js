// Number and date formatting, fixed to English and UTC so the page reads the same everywhere.

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);

export function count(value) {
  return isNumber(value) ? integer.format(value) : '–';
}

export function percent(rate, digits = 1) {
  return isNumber(rate) ? `${(rate * 100).toFixed(digits)}%` : 'n/a';
}

/** "65.8–81.4%": a 95% interval. */
export function interval(low, high, digits = 1) {
  if (!isNumber(low) || !isNumber(high)) {
    return '';
  }
  return `${(low * 100).toFixed(digits)}–${(high * 100).toFixed(digits)}%`;
}

/** A difference of two rates in percentage points, signed: "+1.5 pt". */
export function points(delta, digits = 1) {
  if (!isNumber(delta)) {
    return 'n/a';
  }
  const value = (delta * 100).toFixed(digits);
  return `${delta >= 0 && !value.startsWith('-') ? '+' : ''}${value.replace('-', '−')} pt`;
}

export function similarity(value) {
  return isNumber(value) ? value.toFixed(2) : '–';
}

export function date(value) {
  const parsed = value ? new Date(value) : null;
  return parsed && !Number.isNaN(parsed.getTime()) ? dateFormat.format(parsed) : '';
}

export function dateTime(value) {
  const parsed = value ? new Date(value) : null;
  return parsed && !Number.isNaN(parsed.getTime()) ? `${dateTimeFormat.format(parsed)} UTC` : '';
}

/** "3 min ago", "yesterday": for the analysis status line. */
export function ago(value, now = Date.now()) {
  const parsed = value ? new Date(value).getTime() : NaN;
  if (Number.isNaN(parsed)) {
    return '';
  }
  const seconds = Math.max(0, Math.round((now - parsed) / 1000));
  if (seconds < 45) {
    return 'just now';
  }
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) {
    return `${minutes} min ago`;
  }
  const hours = Math.round(minutes / 60);
  if (hours < 36) {
    return `${hours} h ago`;
  }
  return `on ${date(value)}`;
}

/** snake_case words as a phrase: "followed_up" -> "followed up". */
export function words(value) {
  return String(value ?? '').replaceAll('_', ' ');
}
