package rules

import "path/filepath"

// uniquePaths drops the paths that name a file given earlier in the list
// ("tiers.yaml" and "./tiers.yaml" are one file), so that a file loaded
// twice is loaded once rather than reported as a duplicate of itself. The
// first spelling of each file is kept, in order.
func uniquePaths(paths []string) []string {
	seen := make(map[string]bool, len(paths))
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		key := filepath.Clean(p)
		if abs, err := filepath.Abs(key); err == nil {
			key = abs
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, p)
		}
	}
	return out
}
