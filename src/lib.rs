//! riskguard component (being written).
