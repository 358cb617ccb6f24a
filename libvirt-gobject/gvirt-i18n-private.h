/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* gettext wrappers for user-visible messages inside the library. */
#pragma once

#include "config.h"
#include <glib/gi18n-lib.h>
