// Stands in for Node's `fs` in bundles that run without Node (Obsidian mobile, VS Code web).
export default {};
