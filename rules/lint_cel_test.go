package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestImplies(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"x == 1", "x == 1", true},
		{"x==1", "(x == 1)", true},
		{"x == 1", "true", true},
		{"x == 1 && y == 2", "y == 2", true},
		{"x == 1 && y == 2", "y == 2 && x == 1", true},
		{"x == 1", "x == 1 || z", true},
		{"x == 1 && y == 2", "z || (y == 2 && x == 1)", true},
		{"x == 1", "x == 1 && y == 2", false},
		{"x == 1 || z", "x == 1", false},
		{"x == 1", "x != 2", false},
		{"true", "x == 1", false},
		{"x ==", "x ==", false},
	}
	for _, tt := range tests {
		t.Run(tt.a+" => "+tt.b, func(t *testing.T) { assert.Equal(t, tt.want, implies(tt.a, tt.b)) })
	}
	assert.True(t, isTrue(" ( true ) "))
	assert.True(t, isTrue("x == 1 || true"))
	assert.True(t, isTrue("true && (true)"))
	assert.False(t, isTrue("true && x"))
	assert.False(t, isTrue("!false"))
}
