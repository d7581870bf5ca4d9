package picture

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func TestEventLabel(t *testing.T) {
	tests := []struct {
		name string
		ev   rules.Event
		want string
	}{
		{"a message", rules.Event{Type: rules.EventMessage, By: "agent"}, "agent message"},
		{"a message that sets a status", rules.Event{Type: rules.EventMessage, By: "customer", Status: "open"}, "customer message, status open"},
		{"a status", rules.Event{Type: rules.EventStatus, Status: "solved"}, "status solved"},
		{"a priority", rules.Event{Type: rules.EventPriority, Priority: slo.P1}, "priority P1"},
		{"a tier", rules.Event{Type: rules.EventTier, Tier: "premium"}, "tier premium"},
		{"a note", rules.Event{Type: rules.EventNote}, "note"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assert.Equal(t, tt.want, eventLabel(tt.ev)) })
	}
}

// Events less than 9 units apart share a mark, whose label is cut at
// maxEventLabel runes.
func TestEventMarks(t *testing.T) {
	p := &timelinePicture{c: TimelineCase{Events: messages(3)}, loc: time.UTC,
		timeAxis: timeAxis{t0: opened, t1: opened.Add(100 * time.Hour), x0: 0, x1: 1000}}
	p.c.Events = append(p.c.Events, rules.Event{At: opened.Add(12 * time.Hour), Type: rules.EventNote})
	marks := p.eventMarks()
	assert.Len(t, marks, 2)
	assert.Equal(t, 3, marks[0].events)
	assert.Equal(t, "09:00 agent message; 09:01 agent message; 09:02 agent message", marks[0].label)
	assert.Equal(t, "21:00 note", marks[1].label)

	p.c.Events = messages(50)
	marks = p.eventMarks()
	assert.Len(t, marks, 1)
	assert.Equal(t, 50, marks[0].events)
	assert.Len(t, []rune(marks[0].label), maxEventLabel)
	assert.True(t, strings.HasSuffix(marks[0].label, "…"))
}
