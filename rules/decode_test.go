package rules

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A tab in a catalog's indentation is named as such, at the tab.
func TestTabIndentation(t *testing.T) {
	const tabMsg = "yaml: a tab in the indentation: YAML indentation cannot use tabs, indent with spaces"
	tests := []struct {
		name string
		src  string
		want string // the error, or "" when the document compiles
	}{
		{"a tab alone", "tiers:\n  gold:\n\tname: Gold\n", "tabs.yaml:3:1: " + tabMsg},
		{"a tab after spaces", "tiers:\n  gold:\n    name: Gold\n    response:\n    \tP1: 1h 24x7\n", "tabs.yaml:5:5: " + tabMsg},
		{"a tab under the root", "tiers:\n\tgold: {name: Gold}\n", "tabs.yaml:2:1: " + tabMsg},
		{"a tab inside a flow mapping is allowed", "tiers:\n  gold: {name: Gold,\n\tresponse: {P1: 1h 24x7}}\n", ""},
		{"other token errors keep yaml's words", "tiers:\n  gold: @x\n", "tabs.yaml:2:3: yaml: found character that cannot start any token"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Compile("tabs.yaml", []byte(tt.src))
			if tt.want == "" {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidCatalog)
			assert.EqualError(t, err, tt.want)
		})
	}
}

// validID is the pattern ids are documented by, ^[a-z0-9][a-z0-9_.-]*$.
func TestValidID(t *testing.T) {
	pattern := regexp.MustCompile(`^[a-z0-9][a-z0-9_.-]*$`)
	for _, id := range []string{
		"zendesk-1.response.1", "a", "9", "a_b", "a.b-c", "", "-a", ".a", "_a", "A", "aB", "a b", "é", "a/b", "a\n", "1x", "x:",
	} {
		t.Run(id, func(t *testing.T) {
			assert.Equal(t, pattern.MatchString(id), validID(id))
		})
	}
}
