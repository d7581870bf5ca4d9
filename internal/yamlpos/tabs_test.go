package yamlpos

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A tab in the indentation is named as such, at the tab; yaml.v3's other
// token errors keep their words.
func TestExplainTab(t *testing.T) {
	const tabMsg = "yaml: a tab in the indentation: YAML indentation cannot use tabs, indent with spaces"
	tests := []struct{ name, src, want string }{
		{"a tab alone", "a:\n\tb: 1\n", "t.yaml:2:1: " + tabMsg},
		{"a tab after spaces", "a:\n  b:\n  \tc: 1\n", "t.yaml:3:3: " + tabMsg},
		{"another token error", "a: @x\n", "t.yaml:1:1: yaml: found character that cannot start any token"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.ErrorIs(t, requireSyntaxError(t, tc.src, tc.want), errKind)
		})
	}
}
