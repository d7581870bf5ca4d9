package input

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestZendeskAuditsMalformed(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"no Create event", `{"audits": [
 {"ticket_id": 8, "created_at": "2026-07-06T14:00:00Z", "events": [{"type": "Comment", "public": true}]}]}`,
			`p1.json:2:2: audits[0]: ticket 8: its first audit holds no Create event: its history starts before this export`},
		{"unknown priority", `{"audits": [
 {"ticket_id": 8, "created_at": "2026-07-06T14:00:00Z", "events": [{"type": "Create", "field_name": "priority", "value": "critical"}]}]}`,
			`p1.json:2:122: audits[0].events[0].value: unknown priority "critical" (known: urgent, high, normal, low)`},
		{"missing created_at", `{"audits": [
 {"ticket_id": 8, "events": []}]}`,
			`p1.json:2:2: audits[0]: missing required key "created_at"`},
		{"a change without its field", `{"audits": [
 {"ticket_id": 8, "created_at": "2026-07-06T14:00:00Z", "events": [{"type": "Change", "value": "x"}]}]}`,
			`p1.json:2:68: audits[0].events[0]: a Change event needs a field_name`},
		{"public not a boolean", `{"audits": [
 {"ticket_id": 8, "created_at": "2026-07-06T14:00:00Z", "events": [{"type": "Comment", "public": "yes"}]}]}`,
			`p1.json:2:98: audits[0].events[0].public: must be true or false, got a string`},
		{"the end of the input", `{"audits": [`, `p1.json:1:13: unexpected end of JSON input`},
		{"a syntax error", "{\"audits\": [\n {\"ticket_id\": 1,, \"created_at\": 2}]}", `p1.json:2:18: invalid character ',' looking for beginning of object key string`},
		{"after the object", `{"audits": []} x`, `p1.json:1:16: invalid character 'x' after top-level value`},
		{"an empty page", "  \n", `p1.json:2:1: unexpected end of JSON input`},
		{"a status that is not a string", `{"audits": [{"ticket_id": 8, "created_at": "2026-07-06T14:00:00Z", "events": [{"type": "Create", "field_name": "status", "value": 3}]}]}`,
			`p1.json:1:131: audits[0].events[0].value: must be a status, a non-empty string, got a number 3`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readExport(tt.page)
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
			assert.ErrorIs(t, err, ErrInvalidZendeskEvents)
		})
	}
}
