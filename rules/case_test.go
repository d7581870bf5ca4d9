package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/tiercel/tiercel/slo"
)

func TestCaseNow(t *testing.T) {
	opened := at(t, "2026-03-02T09:00:00Z", "UTC")
	later := at(t, "2026-03-03T09:00:00Z", "UTC")
	assert.Equal(t, opened, (&Case{Opened: opened}).now(), "a zero Now is the opening")
	assert.Equal(t, later, (&Case{Opened: opened, Now: later}).now())
}

// The CEL view of a case carries every field, the tier's id as resolved,
// and leaves an invalid priority empty.
func TestCaseCEL(t *testing.T) {
	c := Case{Tier: "advanced", Priority: slo.P2, Opened: at(t, "2026-03-02T09:00:00Z", "UTC"), Zone: "Asia/Tokyo",
		Language: "ja", Account: "a-1", Country: "jp", Attrs: map[string]any{"k": 1}}
	var kase celCase
	var account celAccount
	c.cel("enhanced", &kase, &account)
	assert.Equal(t, celCase{Tier: "enhanced", Priority: "P2", Opened: c.Opened, Zone: "Asia/Tokyo", Language: "ja",
		Account: "a-1", Country: "jp", Attrs: c.Attrs}, kase)
	assert.Equal(t, celAccount{ID: "a-1", Zone: "Asia/Tokyo", Country: "jp"}, account)

	c.Priority, c.Attrs = 9, nil
	c.cel("", &kase, &account)
	assert.Empty(t, kase.Priority)
	assert.Empty(t, kase.Tier)
	assert.NotNil(t, kase.Attrs, "CEL sees an empty map, not null")
}
