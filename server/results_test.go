package server

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
)

func TestDeadlineResultInTheDecisionsLocation(t *testing.T) {
	e := rules.Default()
	c := rules.Case{Tier: "enhanced", Priority: 2, Opened: time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC), Zone: "Asia/Tokyo"}
	d, err := e.Deadline(c)
	require.NoError(t, err)
	r := deadlineResult(c, d).(map[string]any)
	assert.Equal(t, "Asia/Tokyo", r["due"].(time.Time).Location().String())
	assert.Equal(t, "P2", r["priority"])
}
