//! Reading preferences: text size, line spacing and colour theme.
//!
//! The page applies them as attributes on the root element (`data-text-size`, `data-line-spacing`, `data-theme`);
//! `public/reading.css` turns the first two into the CSS variables `--text-size` and `--line-height`, and
//! `public/style.css` reads `data-theme`. Saved under [`KEY`] with [`VERSION`] through [`crate::storage`].

use serde::{Deserialize, Serialize};

/// The storage key of the preferences.
pub const KEY: &str = "kamenev.reading.prefs";
/// The schema version of the saved preferences.
pub const VERSION: u32 = 1;
/// How messages name the preferences.
pub const WHAT: &str = "your reading preferences";

/// Defines a preference: its choices, their saved keyword (also the attribute value) and their label.
macro_rules! choice {
    ($(#[$meta:meta])* $name:ident, default $default:ident { $($variant:ident = $keyword:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(
                #[doc = $label]
                #[serde(rename = $keyword)]
                $variant,
            )+
        }

        impl $name {
            /// Every choice, in the order the settings page offers them.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The default choice.
            pub const DEFAULT: $name = $name::$default;

            /// The keyword saved in storage and set as the attribute value.
            pub const fn keyword(self) -> &'static str {
                match self { $($name::$variant => $keyword,)+ }
            }

            /// The label on the settings page.
            pub const fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }

            /// The choice saved as `keyword`.
            pub fn from_keyword(keyword: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|c| c.keyword() == keyword)
            }
        }

        impl Default for $name {
            fn default() -> Self {
                $name::$default
            }
        }
    };
}

choice! {
    /// The size of the reading text.
    TextSize, default Medium {
        Small = "small", "Small";
        Medium = "medium", "Medium";
        Large = "large", "Large";
        Largest = "largest", "Largest";
    }
}

choice! {
    /// The space between lines of the reading text.
    LineSpacing, default Normal {
        Compact = "compact", "Compact";
        Normal = "normal", "Normal";
        Relaxed = "relaxed", "Relaxed";
    }
}

choice! {
    /// Light or dark colours, or whatever the device is set to.
    Theme, default System {
        System = "system", "Same as this device";
        Light = "light", "Light";
        Dark = "dark", "Dark";
    }
}

/// The reader's preferences. Missing fields in saved data take their defaults.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub text_size: TextSize,
    pub line_spacing: LineSpacing,
    pub theme: Theme,
}

impl Prefs {
    /// The attributes to set on the root element (`None`: remove the attribute). The system theme removes
    /// `data-theme`, so the stylesheet follows `prefers-color-scheme`.
    pub fn root_attributes(&self) -> [(&'static str, Option<&'static str>); 3] {
        [
            ("data-text-size", Some(self.text_size.keyword())),
            ("data-line-spacing", Some(self.line_spacing.keyword())),
            (
                "data-theme",
                match self.theme {
                    Theme::System => None,
                    other => Some(other.keyword()),
                },
            ),
        ]
    }
}
