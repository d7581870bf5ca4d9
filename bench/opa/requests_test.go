package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDeadlineRequests(t *testing.T) {
	table := targets{"b": {"P2": "x", "P1": "y"}, "a": {"P1": "z"}}
	tests := []struct {
		name string
		opa  bool
		keys []string
	}{
		{"tiercel's case", false, []string{"opened", "priority", "tier", "zone"}},
		{"OPA's input", true, []string{"input"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reqs := deadlineRequests("http://h/x", table, tt.opa)
			require.Len(t, reqs, 3, "a request a pair")
			var doc map[string]any
			require.NoError(t, json.Unmarshal(reqs[0].Body, &doc))
			assert.ElementsMatch(t, tt.keys, sortedKeys(doc))
			assert.Contains(t, string(reqs[0].Body), `"a"`, "pairs in sorted order")
			assert.Contains(t, string(reqs[2].Body), `"P2"`)
		})
	}
}
