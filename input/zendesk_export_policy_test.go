package input

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The clause of another schedule is the import's, not the policy's.
func TestPolicyWhen(t *testing.T) {
	filter := "('type' in case.attrs && case.attrs['type'] == 'incident')"
	assert.Equal(t, filter, policyWhen(exportRule{When: "(" + filter + ") && ('schedule_id' in case.attrs && case.attrs['schedule_id'] == 2)", Calendar: "zendesk-2"}))
	assert.Equal(t, filter, policyWhen(exportRule{When: filter, Calendar: "zendesk-1"}))
	other := "(" + filter + ") && ('schedule_id' in case.attrs && case.attrs['schedule_id'] == 3)"
	assert.Equal(t, other, policyWhen(exportRule{When: other, Calendar: "zendesk-2"}), "another schedule's clause is the policy's own")
}
