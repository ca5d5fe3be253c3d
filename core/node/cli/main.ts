// The paper-feed CLI (filled in by issue #3).
console.log('paper-feed: not yet implemented');
