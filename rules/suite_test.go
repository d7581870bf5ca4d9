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

// TestAWSCatalogSuite runs the aws catalog's own suite: Developer business
// hours in the customer's zone (weekends, DST changes, holidays), the 24x7
// plans, AWS's worked pricing examples and band edges, and comparisons
// between plans.
func TestAWSCatalogSuite(t *testing.T) {
	suite.Run(t, "catalog/aws_test.yaml")
}
