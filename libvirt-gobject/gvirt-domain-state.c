/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Words for a domain's state, for messages and user interfaces. */
#include "config.h"

#include "gvirt-domain-state.h"
#include "gvirt-i18n-private.h"

/**
 * gvirt_domain_state_get_label:
 * @state: a #GVirtDomainState
 *
 * Names @state in words that fit a sentence ("Domain “web” is shut off"),
 * translated: "running", "paused", "shut off", "shutting down", ... The
 * library's and the bundled backends' messages use these words.
 *
 * Returns: (transfer none): the translated words for @state
 */
const char *
gvirt_domain_state_get_label (GVirtDomainState state)
{
  switch (state)
    {
    case GVIRT_DOMAIN_STATE_RUNNING:
      return _("running");
    case GVIRT_DOMAIN_STATE_PAUSED:
      return _("paused");
    case GVIRT_DOMAIN_STATE_SHUTOFF:
      return _("shut off");
    case GVIRT_DOMAIN_STATE_BLOCKED:
      return _("blocked");
    case GVIRT_DOMAIN_STATE_SHUTDOWN:
      return _("shutting down");
    case GVIRT_DOMAIN_STATE_CRASHED:
      return _("crashed");
    case GVIRT_DOMAIN_STATE_PMSUSPENDED:
      return _("suspended by power management");
    case GVIRT_DOMAIN_STATE_NOSTATE:
    default:
      return _("in no state");
    }
}
