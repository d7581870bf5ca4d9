package server

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
)

func TestDeadlineResultNamesTheTierAndItsLocation(t *testing.T) {
	e := rules.Default()
	c := rules.Case{Tier: "advanced", Priority: 2, Opened: time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC), Zone: "Asia/Tokyo"}
	d, err := e.Deadline(c)
	require.NoError(t, err)
	r := deadlineResult(e, c, d, nil)
	assert.Equal(t, "enhanced", r.Tier, "an alias is resolved")
	assert.Equal(t, "Asia/Tokyo", r.Due.Location().String())
	assert.Nil(t, r.Status)
}

func TestEntitlementsResultHasNoNulls(t *testing.T) {
	r := entitlementsResult(rules.Entitlements{Tier: "x"})
	assert.Equal(t, []string{}, r.Languages)
	assert.Equal(t, []string{}, r.Channels)
	assert.Equal(t, []string{}, r.Services)
	assert.Equal(t, []string{}, r.Reasons)
}
