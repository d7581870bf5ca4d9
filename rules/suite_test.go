package rules_test

import (
	"testing"

	"github.com/tiercel/tiercel/suite"
)

// TestDefaultCatalogSuite runs the default catalog's own suite: deadlines
// per tier (weekends, DST changes, holidays, other zones), the transition
// page's example, quotes, eligibility, entitlements and permissions. It is
// an external test: package suite imports rules.
func TestDefaultCatalogSuite(t *testing.T) {
	suite.Run(t, "catalog/default_test.yaml")
}
