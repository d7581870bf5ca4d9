package billing

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type colour uint8

var colourNames = []string{"red", "green", "blue"}

// The name helpers give every small enumeration the same parser, String
// and text marshalling.
func TestNames(t *testing.T) {
	for i, n := range colourNames {
		c, err := parseName[colour]("colour", colourNames, n)
		require.NoError(t, err)
		assert.Equal(t, colour(i), c)
		assert.Equal(t, n, nameOf("Colour", colourNames, c))
		b, err := marshalName("colour", colourNames, c)
		require.NoError(t, err)
		var back colour = 9
		require.NoError(t, unmarshalName("colour", colourNames, &back, b))
		assert.Equal(t, c, back)
	}
	_, err := parseName[colour]("colour", colourNames, "Red")
	assert.EqualError(t, err, `unknown colour "Red" (want red, green or blue)`)
	assert.Equal(t, "Colour(7)", nameOf("Colour", colourNames, colour(7)))
	_, err = marshalName("colour", colourNames, colour(7))
	assert.EqualError(t, err, "unknown colour 7")
	c := colour(2)
	assert.Error(t, unmarshalName("colour", colourNames, &c, []byte("pink")))
	assert.Equal(t, colour(2), c, "unchanged on error")
	assert.Equal(t, "a", oneOf([]string{"a"}))
	assert.Equal(t, "a or b", oneOf([]string{"a", "b"}))
}
