package answer

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/entitlement"
)

func TestDecision(t *testing.T) {
	d := Decision{DecisionID: "d-1", Revision: "sha256:ab", Result: NewAllowed(entitlement.Decision{Action: "cases.view", Allowed: true, Rule: "permissions.cases.view"})}
	b := marshal(t, d)
	assert.JSONEq(t, `{"decisionId":"d-1","revision":"sha256:ab","result":{"action":"cases.view","allowed":true,"rule":"permissions.cases.view"}}`, string(b))
	var back struct {
		Decision
		Result Allowed `json:"result"`
	}
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, back.Result.Allowed)
	assert.Equal(t, "sha256:ab", back.Revision)
}
