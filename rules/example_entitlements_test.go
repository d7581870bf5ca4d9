package rules_test

import (
	"fmt"
	"time"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
)

func ExampleEngine_Entitlements() {
	e := rules.Default()
	// A Looker Premier contract renewing on 1 March 2024, when it moves to
	// Customer Care: before, its own features plus the migration's grants;
	// after, what every target tier offers, whichever is chosen.
	c := entitlement.Contract{
		Account: "acme",
		Tier:    "looker-premier",
		Renewal: new(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)),
		Spend:   money.MustParseMoney("85000 USD"),
	}
	for _, at := range []time.Time{
		time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2023, 9, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
	} {
		en, err := e.Entitlements(c, at)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s tier %-16q migrated %-5t channels %v\n", at.Format(time.DateOnly), en.Tier, en.Migrated, en.Features.Channels)
		if en.Migrated {
			for _, r := range en.Reasons {
				fmt.Println("-", r)
			}
		}
	}
	// Output:
	// 2023-06-01 tier "looker-premier" migrated false channels [chat]
	// 2023-09-01 tier "looker-premier" migrated false channels [chat console]
	// 2024-03-01 tier ""               migrated true  channels [console chat]
	// - looker-premier is no longer available since 2024-03-01 and the contract does not say which of standard, enhanced, premium replaced it: it has the features every one of them offers
	// - the migration keeps channels chat
}

func ExampleEngine_MovedEntitlements() {
	// The same contract once it has moved to Premium: Premium's features
	// plus the Looker chat the migration keeps.
	c := entitlement.Contract{
		Account: "acme",
		Tier:    "looker-premier",
		Renewal: new(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)),
		Spend:   money.MustParseMoney("85000 USD"),
	}
	en, err := rules.Default().MovedEntitlements(c, "premium", time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("tier", en.Tier, "migrated", en.Migrated)
	fmt.Println("channels", en.Features.Channels)
	fmt.Println("services", en.Features.Services)
	// Output:
	// tier premium migrated true
	// channels [console chat]
	// services [technical-account-advisor planned-event-support assured-support mission-critical-services]
}
