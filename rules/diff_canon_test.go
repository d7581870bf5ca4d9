package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/tiercel/tiercel/slo"
)

func TestDiffForms(t *testing.T) {
	tests := []struct {
		name string
		a, b form
		want []FieldChange
	}{
		{"equal", form{{"x", "1"}}, form{{"x", "1"}}, nil},
		{"changed", form{{"x", "1"}, {"y", "2"}}, form{{"x", "1"}, {"y", "3"}}, []FieldChange{{Path: "p.y", Old: "2", New: "3"}}},
		{"only new", form{}, form{{"x", "1"}}, []FieldChange{{Path: "p.x", New: "1"}}},
		{"only old", form{{"x", "1"}}, form{}, []FieldChange{{Path: "p.x", Old: "1"}}},
		{"only old, empty", form{{"x", ""}}, form{}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, diffForms("p.", tc.a, tc.b))
		})
	}
}

// The form of a calendar holds what decides its clock, normalized: the
// hours as the engine merges them, holidays sorted, whether a case gives
// its country.
func TestCalendarForm(t *testing.T) {
	e := compileText(t, "c.yaml", `
calendars:
  office:
    description: not in the form
    zone: account
    hours: {mon-fri: "09:00-12:00", mon: "12:00-17:00"}
    holidays: [us, account]
    closed: ["2026-12-24"]
tiers:
  a: {name: A, response: {P1: 1h office}}
`)
	assert.Equal(t, form{
		{"zone", "account"},
		{"hours", "mon 09:00-17:00; tue 09:00-12:00; wed 09:00-12:00; thu 09:00-12:00; fri 09:00-12:00"},
		{"holidays", "[us]"},
		{"holidays.account", AccountCountry},
		{"closed", "[2026-12-24]"},
	}, e.calendarForm("office"))
	assert.Equal(t, form{{"hours", "always open"}}, e.calendarForm(slo.AlwaysOpenName))
	assert.Equal(t, form{{"calendar", "unknown nope"}}, e.calendarForm("nope"))
}

func TestList(t *testing.T) {
	assert.Equal(t, "", list(nil))
	assert.Equal(t, "", list([]string{}))
	assert.Equal(t, "[b, a]", list([]string{"b", "a"}), "written order: CEL sees it")
}
