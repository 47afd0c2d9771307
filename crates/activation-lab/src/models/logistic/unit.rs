//! The trainable form of logistic regression: one sigmoid unit.

use ndarray::{Array1, ArrayView1, ArrayView2, ArrayViewMut1, ArrayViewMut2, Axis};

use super::model::LogisticModel;
use crate::activation::{predicted_class, sigmoid};
use crate::metrics::cross_entropy_from_logit;
use crate::models::fit::Trainable;
use crate::models::history::History;
use crate::models::train::{GroupVisitor, Network, sum_of_squares};

/// The trainable form of logistic regression: one sigmoid unit.
#[derive(Clone)]
pub(super) struct LinearUnit {
    pub(super) weights: Array1<f64>,
    pub(super) bias: f64,
}

impl LinearUnit {
    /// Zero weights and bias for `d` features.
    pub(super) fn zeros(d: usize) -> Self {
        LinearUnit {
            weights: Array1::zeros(d),
            bias: 0.0,
        }
    }

    /// The unit holding `model`'s weights.
    pub(super) fn of(model: &LogisticModel) -> Self {
        LinearUnit {
            weights: model.weights.clone(),
            bias: model.bias,
        }
    }
}

impl Trainable for LinearUnit {
    type Model = LogisticModel;
    const INIT_FEATURES: &'static str = "weights in the starting model";

    fn model_features(model: &LogisticModel) -> usize {
        model.weights.len()
    }

    fn from_model(model: &LogisticModel) -> Self {
        LinearUnit::of(model)
    }

    fn into_model(self, history: History) -> LogisticModel {
        LogisticModel {
            weights: self.weights,
            bias: self.bias,
            history,
        }
    }

    fn first_layer(&mut self) -> (ArrayViewMut2<'_, f64>, ArrayViewMut1<'_, f64>) {
        (
            self.weights.view_mut().insert_axis(Axis(1)),
            ArrayViewMut1::from(std::slice::from_mut(&mut self.bias)),
        )
    }
}

pub(super) struct LinearWorkspace {
    z: Array1<f64>,
    pub(super) d_weights: Array1<f64>,
    pub(super) d_bias: [f64; 1],
}

impl Network for LinearUnit {
    type Workspace = LinearWorkspace;

    fn workspace(&self, max_batch: usize) -> LinearWorkspace {
        LinearWorkspace {
            z: Array1::zeros(max_batch),
            d_weights: Array1::zeros(self.weights.len()),
            d_bias: [0.0],
        }
    }

    fn forward_backward(
        &self,
        x: ArrayView2<'_, f64>,
        y: ArrayView1<'_, f64>,
        l2: f64,
        ws: &mut LinearWorkspace,
    ) -> (f64, f64, usize) {
        let m = x.nrows();
        let inv_m = 1.0 / m as f64;
        let mut z = ws.z.slice_mut(ndarray::s![..m]);
        // forward: [m, d] · [d] → [m]
        ndarray::linalg::general_mat_vec_mul(1.0, &x, &self.weights, 0.0, &mut z);
        let mut loss = 0.0;
        let mut correct = 0;
        let mut d_bias = 0.0;
        for (zi, &yi) in z.iter_mut().zip(y) {
            let zz = *zi + self.bias;
            loss += cross_entropy_from_logit(zz, yi == 1.0);
            correct += usize::from(f64::from(predicted_class(zz)) == yi);
            // backward: ∂loss/∂z_i = (σ(z_i) − y_i)/m
            *zi = (sigmoid(zz) - yi) * inv_m;
            d_bias += *zi;
        }
        let penalty = 0.5 * l2 * inv_m * sum_of_squares(&self.weights);
        // [d, m] · [m] → [d]
        ws.d_weights.assign(&self.weights);
        ndarray::linalg::general_mat_vec_mul(1.0, &x.t(), &z, l2 * inv_m, &mut ws.d_weights);
        ws.d_bias = [d_bias];
        (loss * inv_m, penalty, correct)
    }

    fn group_lens(&self) -> Vec<usize> {
        vec![self.weights.len(), 1]
    }

    fn for_each_group(&mut self, ws: &LinearWorkspace, f: &mut GroupVisitor<'_>) {
        if let (Some(w), Some(g)) = (self.weights.as_slice_mut(), ws.d_weights.as_slice()) {
            f(0, w, g);
        }
        f(1, std::slice::from_mut(&mut self.bias), &ws.d_bias);
    }

    fn decision(&self, x: ArrayView2<'_, f64>) -> Array1<f64> {
        x.dot(&self.weights) + self.bias
    }
}
