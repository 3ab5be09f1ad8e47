// STUB: the command-line checker (issue 4).
console.log('draft-fact-check: not implemented yet');
