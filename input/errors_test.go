package input

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/fault"
)

// Every kind's sentinel is a bad input file, and reads as its kind alone.
func TestKindsAreInvalidFiles(t *testing.T) {
	for _, k := range []error{ErrInvalidCaseFile, ErrInvalidHistory, ErrInvalidContract, ErrInvalidSpends} {
		t.Run(k.Error(), func(t *testing.T) {
			assert.ErrorIs(t, k, ErrInvalidFile)
			assert.ErrorIs(t, fmt.Errorf("x: %w", k), ErrInvalidFile)
			assert.NotContains(t, k.Error(), ErrInvalidFile.Error())
		})
	}
	assert.NotErrorIs(t, ErrInvalidCaseFile, ErrInvalidHistory)
}

// Row errors are sorted by position, repeated ones kept once, and capped.
func TestRowErrors(t *testing.T) {
	errs := newRowErrors("h.csv", ErrInvalidHistory)
	errs.add(3, 1, "opened", "bad")
	errs.add(2, 5, "", "short")
	errs.add(3, 1, "opened", "bad")
	cause := errors.New("cause")
	errs.addErr(2, 0, "zone", cause, "unknown")
	err := errs.err()
	require.Error(t, err)
	assert.Equal(t, "h.csv:2:0: zone: unknown\nh.csv:2:5: short\nh.csv:3:1: opened: bad", err.Error())
	assert.ErrorIs(t, err, ErrInvalidHistory)
	assert.ErrorIs(t, err, cause)
	var list ErrorList
	require.ErrorAs(t, err, &list)
	assert.Len(t, list, 3)

	assert.NoError(t, newRowErrors("h.csv", ErrInvalidHistory).err(), "no error, no list")
}

func TestBlame(t *testing.T) {
	bad := fmt.Errorf("wrapped: %w", ErrInvalidTime)
	err := Blame(bad, "c.yaml", "s.csv")
	assert.EqualError(t, err, "c.yaml, s.csv: wrapped: invalid time")
	assert.ErrorIs(t, err, ErrInvalidTime)
	assert.ErrorIs(t, err, ErrInvalidFile)
	assert.Equal(t, fault.BadInput, fault.Of(err), "a malformed cause is the files' fault")
	assert.Equal(t, fault.Limit, fault.Of(Blame(ErrYAMLTooLarge, "c.yaml")), "a limit keeps its class")
}
