// Relative times ("4 min ago", "in 12 min") measured against the server's clock, and their refresh without refetching.

let skew = 0;

/** Learns the server's clock from its `now`, so relative times agree with the server even if this machine is off. */
export function serverNow(iso) {
  const t = Date.parse(iso);
  if (!Number.isNaN(t)) {
    skew = t - Date.now();
  }
}

function now() {
  return Date.now() + skew;
}

/** A span of time in words: "under a minute", "4 min", "2 h 5 min", "3 d 4 h". */
export function duration(ms) {
  const minutes = Math.floor(Math.abs(ms) / 60000);
  if (minutes < 1) {
    return 'under a minute';
  }
  if (minutes < 60) {
    return `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    const rest = minutes % 60;
    return rest ? `${hours} h ${rest} min` : `${hours} h`;
  }
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest ? `${days} d ${rest} h` : `${days} d`;
}

const FORMATS = {
  ago(t) {
    const ms = now() - t;
    return ms < 60000 ? 'just now' : `${duration(ms)} ago`;
  },
  for(t) {
    return `for ${duration(now() - t)}`;
  },
  age(t) {
    return duration(now() - t);
  },
  'stale-in'(t) {
    const ms = t - now();
    return ms <= 0 ? 'stale' : `stale in ${duration(ms)}`;
  },
  'release-in'(t) {
    const ms = t - now();
    return ms <= 0 ? 'auto-release due' : `auto-released in ${duration(ms)}`;
  },
};

function text(format, iso) {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '—' : FORMATS[format](t);
}

/**
 * Puts the relative form of `iso` into `node` and remembers it there, so {@link refreshTimes} can update it;
 * the exact time is in the tooltip.
 */
export function showTime(node, iso, format = 'ago') {
  if (!iso) {
    node.textContent = '—';
    return node;
  }
  node.dataset.time = iso;
  node.dataset.timeFormat = format;
  node.title = new Date(iso).toLocaleString();
  node.textContent = text(format, iso);
  return node;
}

/** Recomputes every relative time shown under `root`. */
export function refreshTimes(root = document) {
  for (const node of root.querySelectorAll('[data-time]')) {
    node.textContent = text(node.dataset.timeFormat, node.dataset.time);
  }
}

/** A local clock time such as "14:05", for chart labels. */
export function clockTime(iso) {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });
}
