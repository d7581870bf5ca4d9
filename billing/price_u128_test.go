package billing

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestU128DivRound(t *testing.T) {
	assert.Equal(t, u128{0, 1}, mul64(1, 1))
	q, ok := u128{hi: 1}.divRound(1)
	assert.False(t, ok, "quotient above 64 bits")
	assert.Zero(t, q)
	q, ok = u128{lo: math.MaxUint64}.divRound(1)
	assert.True(t, ok)
	assert.Equal(t, uint64(math.MaxUint64), q)
	q, ok = u128{hi: 1, lo: math.MaxUint64}.divRound(2) // (2^65-1)/2 = 2^64-0.5: rounds to 2^64
	assert.False(t, ok)
	assert.Zero(t, q)
	q, ok = u128{lo: 25}.divRound(10)
	assert.True(t, ok)
	assert.Equal(t, uint64(2), q)
	q, _ = u128{lo: 35}.divRound(10)
	assert.Equal(t, uint64(4), q)
}
